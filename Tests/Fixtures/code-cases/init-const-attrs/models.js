const { Model, DataTypes } = require('sequelize');
const sequelize = require('./db');

const userAttributes = {
  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
  email: { type: DataTypes.STRING, allowNull: false },
};
class User extends Model {
  static associate(models) {
    this.hasMany(models.post, { foreignKey: 'userId' });
  }
}
User.init(userAttributes, { sequelize, modelName: 'user', tableName: 'users' });

class Post extends Model {
  static associate(models) {
    this.belongsTo(models.user, { foreignKey: 'userId' });
  }
}
Post.init({
  title: DataTypes.STRING,
  userId: { type: DataTypes.INTEGER, allowNull: false },
}, { sequelize, modelName: 'post' });

Object.values(sequelize.models).forEach((m) => m.associate && m.associate(sequelize.models));
module.exports = { User, Post };
