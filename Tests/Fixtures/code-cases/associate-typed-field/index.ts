import { Sequelize } from 'sequelize';
import user from './user';
import post from './post';
const sequelize = new Sequelize('sqlite::memory:');
const db: any = { User: user(sequelize), Post: post(sequelize) };
Object.keys(db).forEach((k) => db[k].associate(db));
export default db;
