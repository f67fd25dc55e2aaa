'use strict';

module.exports = (sequelize, DataTypes) => {
  const User = sequelize.define('User', {
    email: { type: DataTypes.STRING, allowNull: false, unique: true },
    displayName: DataTypes.STRING(64),
  }, { paranoid: true });

  User.associate = function (models) {
    User.hasMany(models.Post, { foreignKey: 'authorId', as: 'posts' });
    // The key is on Profile (Profile.UserId), so this is reversed.
    User.belongsTo(models.Profile);
  };

  User.prototype.fullName = function () {
    return this.displayName;
  };

  return User;
};
