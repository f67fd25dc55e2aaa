import { Model, DataTypes } from 'sequelize';
import sequelize from '../db.js';
export class Post extends Model {}
Post.init({ userId: DataTypes.INTEGER }, { sequelize, modelName: 'post' });
