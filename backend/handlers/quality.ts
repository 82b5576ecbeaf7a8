import type { qualityApi } from '../../core/api/quality';
import type { problemsApi } from '../../core/api/problems';
import { qualityChecks } from '../areas/quality/checks';
import { qualityFeed, setQualitySource } from '../areas/quality/feed';
import { getQualitySettings, saveQualitySettings } from '../areas/quality/settings';
import { problems } from '../areas/problems/problems';
import { problemDraft } from '../areas/problems/draft';
import { fromServices } from './fromServices';

export const qualityHandlers = fromServices<typeof qualityApi & typeof problemsApi>({
  'qualityCheck.create': qualityChecks.create,
  'qualityCheck.get': qualityChecks.get,
  'qualityCheck.update': qualityChecks.update,
  'qualityCheck.list': qualityChecks.list,
  'qualityCheck.delete': qualityChecks.delete,
  'quality.settings': getQualitySettings,
  'quality.saveSettings': saveQualitySettings,
  'quality.feed': qualityFeed,
  'quality.setSource': setQualitySource,
  'problem.create': problems.create,
  'problem.get': problems.get,
  'problem.update': problems.update,
  'problem.list': problems.list,
  'problem.delete': problems.delete,
  'problem.draft': problemDraft,
});
