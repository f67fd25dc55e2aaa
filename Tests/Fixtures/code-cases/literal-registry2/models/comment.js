module.exports = (sequelize, DataTypes) => {
  const Comment = sequelize.define('comment', { text: DataTypes.STRING, tutorialId: DataTypes.INTEGER });
  Comment.associate = (models) => {
    Comment.belongsTo(models.Tutorial, { foreignKey: 'tutorialId' });
  };
  return Comment;
};
