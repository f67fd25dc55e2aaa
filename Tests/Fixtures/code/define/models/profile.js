'use strict';

module.exports = (sequelize, DataTypes) => {
  const Profile = sequelize.define('Profile', {
    bio: DataTypes.TEXT,
    UserId: { type: DataTypes.INTEGER, unique: true },
  });

  Profile.associate = function (models) {
    Profile.hasOne(models.User);
  };

  return Profile;
};
