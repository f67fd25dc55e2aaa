const dbConfig = require('../config/db.config.js');
const Sequelize = require('sequelize');

const sequelize = new Sequelize(dbConfig.DB, dbConfig.USER, dbConfig.PASSWORD, {
  host: dbConfig.HOST,
  dialect: dbConfig.dialect,
});

const db = {};
db.Sequelize = Sequelize;
db.sequelize = sequelize;

db.authors = require('./author.model.js')(sequelize, Sequelize);
db.books = require('./book.model.js')(sequelize, Sequelize);
db.tag = require('./tag.model.js')(sequelize, Sequelize);

db.authors.hasMany(db.books, { as: 'books' });
db.books.belongsTo(db.authors, { foreignKey: 'authorId', as: 'author' });

db.tag.belongsToMany(db.books, { through: 'book_tag', foreignKey: 'tag_id', as: 'books' });
db.books.belongsToMany(db.tag, { through: 'book_tags', foreignKey: 'book_id', as: 'tags' });

module.exports = db;
