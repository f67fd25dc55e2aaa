module.exports = (sequelize, DataTypes) => {
  const attributes = {
    email: { type: DataTypes.STRING, allowNull: false },
  };
  const User = sequelize.define('User', attributes, { tableName: 'users' });
  return User;
};
