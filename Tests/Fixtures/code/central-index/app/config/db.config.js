module.exports = {
  HOST: 'localhost',
  USER: 'postgres',
  DB: 'library',
  dialect: 'postgres',
};
