module.exports = (sequelize, DataTypes) => {
  const User = sequelize.define('user', { email: DataTypes.STRING }, { modelName: 'User', tableName: 'users' });
  User.associate = (models) => {
    User.hasMany(models.post, { foreignKey: 'userId' });
  };
  return User;
};
