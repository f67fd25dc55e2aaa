import { Model, DataTypes, Sequelize } from 'sequelize';
export default (sequelize: Sequelize) => {
  class User extends Model {
    declare static associate: (models: any) => void;
    declare getPosts: HasManyGetAssociationsMixin<Post>;
  }
  User.init({ email: DataTypes.STRING }, { sequelize, modelName: 'User' });
  User.associate = (models) => {
    User.hasMany(models.Post, { foreignKey: 'userId' });
  };
  return User;
};
