import { Module } from '@nestjs/common';
import { DemoDataController } from './controllers/demo-data.controller';
import { HistoryController } from './controllers/history.controller';
import { ModelQualityController } from './controllers/model-quality.controller';
import { ModelViewsController } from './controllers/model-views.controller';
import { PredictionController } from './controllers/prediction.controller';
import { TrainingController } from './controllers/training.controller';
import { ChampionChallengerService } from './services/champion-challenger.service';
import { DemoDataService } from './services/demo-data.service';
import { DemoSchoolBootstrap } from './services/demo-school.bootstrap';
import { FeatureStatisticsService } from './services/feature-statistics.service';
import { HistoryService } from './services/history.service';
import { ModelActivationListener } from './services/model-activation.listener';
import { ModelCompareService } from './services/model-compare.service';
import { ModelStalenessService } from './services/model-staleness.service';
import { ModelRegistryService } from './services/model-registry.service';
import { ModelViewsService } from './services/model-views.service';
import { PredictionService } from './services/prediction.service';
import { TrainingSetService } from './services/training-set.service';
import { TrainingService } from './services/training.service';
import { TrainingDataChanges } from './services/training-data-changes';

/** Training from the school's records, the model registry, explained predictions and model views. */
@Module({
  controllers: [PredictionController, TrainingController, ModelViewsController, ModelQualityController, HistoryController, DemoDataController],
  providers: [
    TrainingSetService,
    ModelRegistryService,
    ModelActivationListener,
    TrainingService,
    PredictionService,
    HistoryService,
    ModelViewsService,
    FeatureStatisticsService,
    TrainingDataChanges,
    DemoDataService,
    DemoSchoolBootstrap,
    ModelStalenessService,
    ChampionChallengerService,
    ModelCompareService,
  ],
  exports: [ModelRegistryService, PredictionService],
})
export class PrediksiModule {}
