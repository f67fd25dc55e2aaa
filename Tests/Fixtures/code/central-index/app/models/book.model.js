module.exports = (sequelize, Sequelize) => {
  const Book = sequelize.define('book', {
    title: { type: Sequelize.STRING },
    authorId: { type: Sequelize.INTEGER },
  });
  return Book;
};
