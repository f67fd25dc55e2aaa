import { Sequelize } from 'sequelize-typescript';
import { Team } from './team';
import { Player } from './player';
import { Coach } from './coach';
import { Group } from './group';
import { PlayerGroup } from './player-group';

export const sequelize = new Sequelize(process.env.DATABASE_URL as string);
sequelize.addModels([Team, Player, Coach, Group, PlayerGroup]);
