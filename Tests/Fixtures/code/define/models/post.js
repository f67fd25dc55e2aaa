'use strict';

module.exports = (sequelize, DataTypes) => {
  const Post = sequelize.define('Post', {
    title: DataTypes.STRING,
    authorId: { type: DataTypes.INTEGER, allowNull: false },
  }, { tableName: 'posts' });

  Post.associate = (models) => {
    Post.belongsTo(models.User, { foreignKey: 'authorId', as: 'author' });
    Post.hasMany(models.Comment, { foreignKey: 'postId', onDelete: 'CASCADE' });
    Post.belongsToMany(models.Tagg, { through: 'PostTags' });
  };

  return Post;
};
