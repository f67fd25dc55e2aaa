import { BelongsTo, Column, Model, Table } from 'sequelize-typescript';
import { Team } from './team';
@Table
export class Player extends Model {
  @Column teamId!: number;
  @BelongsTo(() => Team)
  team!: Team;
}
