const { Model, DataTypes } = require('sequelize');
class User extends Model {
  static init(sequelize) {
    return super.init({
      email: DataTypes.STRING,
    }, { sequelize, modelName: 'user' });
  }
  static associate(models) {
    this.hasMany(models.post, { foreignKey: 'userId' });
  }
}
module.exports = User;
