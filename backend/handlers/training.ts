import type { trainingApi } from '../../core/api/training';
import { addPeople, deleteAttendance, listAttendance, saveAttendance } from '../areas/training/attendance';
import { trainingHistory, trainings } from '../areas/training/sessions';
import { fromServices } from './fromServices';

export const trainingHandlers = fromServices<typeof trainingApi>({
  'training.create': trainings.create,
  'training.get': trainings.get,
  'training.update': trainings.update,
  'training.list': trainings.list,
  'training.delete': trainings.delete,
  'training.historyOf': trainingHistory,
  'attendance.list': listAttendance,
  'attendance.save': saveAttendance,
  'attendance.addPeople': addPeople,
  'attendance.delete': deleteAttendance,
});
