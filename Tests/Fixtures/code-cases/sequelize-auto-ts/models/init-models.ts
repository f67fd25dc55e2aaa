import type { Sequelize } from "sequelize";
import { Post as _Post } from "./Post";
import type { PostAttributes, PostCreationAttributes } from "./Post";
import { User as _User } from "./User";
import type { UserAttributes, UserCreationAttributes } from "./User";

export {
  _Post as Post,
  _User as User,
};

export type {
  PostAttributes,
  PostCreationAttributes,
  UserAttributes,
  UserCreationAttributes,
};

export function initModels(sequelize: Sequelize) {
  const Post = _Post.initModel(sequelize);
  const User = _User.initModel(sequelize);

  Post.belongsTo(User, { as: "user", foreignKey: "userId"});
  User.hasMany(Post, { as: "posts", foreignKey: "userId"});

  return {
    Post: Post,
    User: User,
  };
}
