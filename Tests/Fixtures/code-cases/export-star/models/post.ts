import { Model, DataTypes, Sequelize } from 'sequelize';
export class Post extends Model {
  declare authorId: number;
}
export function initPost(sequelize: Sequelize) {
  Post.init({ authorId: DataTypes.INTEGER }, { sequelize, tableName: 'posts' });
}
