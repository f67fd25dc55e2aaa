'use strict';

module.exports = (sequelize, DataTypes) => {
  const Comment = sequelize.define('Comment', {
    body: { type: DataTypes.TEXT, allowNull: false },
    postId: DataTypes.INTEGER,
    UserId: DataTypes.INTEGER,
  });

  Comment.associate = ({ Post, User }) => {
    Comment.belongsTo(Post, { foreignKey: 'postId' });
    // assoclint-disable-next-line missing-inverse -- users' comments are only read from the comment
    Comment.belongsTo(User);
  };

  return Comment;
};
