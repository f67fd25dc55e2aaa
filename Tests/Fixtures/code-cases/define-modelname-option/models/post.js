module.exports = (sequelize, DataTypes) => {
  const Post = sequelize.define('post', { userId: DataTypes.INTEGER });
  Post.associate = (models) => {
    Post.belongsTo(models.user, { foreignKey: 'userId' });
  };
  return Post;
};
