import { Sequelize } from 'sequelize';
import user from './user';
import post from './post';
const sequelize = new Sequelize('sqlite::memory:');
const db: any = {};
db.User = user(sequelize);
db.Post = post(sequelize);
Object.keys(db).forEach((k) => { if (db[k].associate) db[k]['associate'](db); });
export default db;
