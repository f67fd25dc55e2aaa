'use strict';
const fs = require('fs');
const path = require('path');
const Sequelize = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL);
const db = {};
for (const file of fs.readdirSync(__dirname).filter((name) => name !== 'index.js')) {
  const model = require(path.join(__dirname, file))(sequelize, Sequelize.DataTypes);
  db[model.name] = model;
}
Object.values(db).forEach((model) => model.associate && model.associate(db));
module.exports = { ...db, sequelize, Sequelize };
