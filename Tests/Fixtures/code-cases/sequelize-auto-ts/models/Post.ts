import * as Sequelize from 'sequelize';
import { DataTypes, Model, Optional } from 'sequelize';
import type { User, UserId } from './User';

export interface PostAttributes { id: number; userId: number; }
export type PostPk = "id";
export type PostId = Post[PostPk];
export type PostCreationAttributes = Optional<PostAttributes, PostPk>;

export class Post extends Model<PostAttributes, PostCreationAttributes> implements PostAttributes {
  id!: number;
  userId!: number;

  // Post belongsTo User via userId
  user!: User;
  getUser!: Sequelize.BelongsToGetAssociationMixin<User>;

  static initModel(sequelize: Sequelize.Sequelize): typeof Post {
    return Post.init({
    id: { autoIncrement: true, type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
    userId: { type: DataTypes.INTEGER, allowNull: false, references: { model: 'user', key: 'id' } }
  }, {
    sequelize,
    tableName: 'post',
    timestamps: false
  });
  }
}
