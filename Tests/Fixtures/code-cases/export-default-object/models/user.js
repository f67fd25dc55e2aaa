import { Model, DataTypes } from 'sequelize';
import sequelize from '../db.js';
export class User extends Model {}
User.init({ email: DataTypes.STRING }, { sequelize, modelName: 'user' });
