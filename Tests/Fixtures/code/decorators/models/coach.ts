import { Column, ForeignKey, Model, Table, Unique } from 'sequelize-typescript';
import { Team } from './team';

// The key is here, but no @BelongsTo(() => Team): coach.getTeam() and coach.$get('team') do not exist.
@Table
export class Coach extends Model {
  @Unique
  @ForeignKey(() => Team)
  @Column
  teamId!: number;
}
