import { User } from './user.js';
import { Post } from './post.js';
export default { User, Post };
