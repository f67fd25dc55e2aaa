import { Model, DataTypes, Sequelize } from 'sequelize';
export default (sequelize: Sequelize) => {
  class User extends Model {
    declare getPosts: HasManyGetAssociationsMixin<Post>;
    static associate(models: any) { User.hasMany(models.Post, { foreignKey: 'userId' }); }
  }
  User.init({ email: DataTypes.STRING }, { sequelize, modelName: 'User' });
  return User;
};
