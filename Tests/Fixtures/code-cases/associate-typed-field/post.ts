import { Model, DataTypes, Sequelize } from 'sequelize';
export default (sequelize: Sequelize) => {
  class Post extends Model {
    static associate: (models: any) => void;
  }
  Post.init({ userId: DataTypes.INTEGER }, { sequelize, modelName: 'Post' });
  Post.associate = function (models) {
    this.belongsTo(models.User, { foreignKey: 'userId' });
  };
  return Post;
};
