import { Model, DataTypes, Sequelize } from 'sequelize';
export default (sequelize: Sequelize) => {
  class Post extends Model {
    static associate(models: any) { Post.belongsTo(models.User, { foreignKey: 'userId' }); }
  }
  Post.init({ userId: DataTypes.INTEGER }, { sequelize, modelName: 'Post' });
  return Post;
};
