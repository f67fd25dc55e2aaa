const { Model, DataTypes } = require('sequelize');
class Post extends Model {
  static init(sequelize) {
    return super.init({
      title: DataTypes.STRING,
      userId: DataTypes.INTEGER,
    }, { sequelize, modelName: 'post' });
  }
  static associate(models) {
    this.belongsTo(models.user, { foreignKey: 'userId' });
  }
}
module.exports = Post;
