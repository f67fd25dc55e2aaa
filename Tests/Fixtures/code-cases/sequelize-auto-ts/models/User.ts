import * as Sequelize from 'sequelize';
import { DataTypes, Model, Optional } from 'sequelize';
import type { Post, PostId } from './Post';

export interface UserAttributes { id: number; email: string; }
export type UserPk = "id";
export type UserId = User[UserPk];
export type UserCreationAttributes = Optional<UserAttributes, UserPk>;

export class User extends Model<UserAttributes, UserCreationAttributes> implements UserAttributes {
  id!: number;
  email!: string;

  // User hasMany Post via userId
  posts!: Post[];
  getPosts!: Sequelize.HasManyGetAssociationsMixin<Post>;
  countPosts!: Sequelize.HasManyCountAssociationsMixin;

  static initModel(sequelize: Sequelize.Sequelize): typeof User {
    return User.init({
    id: { autoIncrement: true, type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
    email: { type: DataTypes.STRING(255), allowNull: false }
  }, {
    sequelize,
    tableName: 'user',
    timestamps: false
  });
  }
}
