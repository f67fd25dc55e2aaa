module.exports = (sequelize, DataTypes) => {
  const Post = sequelize.define('Post', {
    userId: DataTypes.INTEGER,
  });
  Post.associate = (models) => {
    Post.belongsTo(models.User, { foreignKey: 'userId' });
  };
  return Post;
};
