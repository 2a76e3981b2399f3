import { HttpStatus, Injectable } from '@nestjs/common';
import { toRules } from '../c45';
import { DomainException } from '../../common/http/problem';
import { msg } from '../../i18n/catalogue';
import { PREDIKSI_ERRORS } from '../prediksi.errors';
import { conditionText } from '../domain/explanation';
import type { ConfusionMatrix } from '../domain/metrics';
import { toTreeData } from '../domain/tree-data';
import { renderTreePng } from '../render/tree-png';
import { renderTreeSvg } from '../render/tree-svg';
import type { TreeNode } from '../render/tree-node';
import type { PrediksiModel } from '../model.entity';
import { type ActiveModel, ModelRegistryService } from './model-registry.service';

export interface RuleView {
  conditions: string[];
  class: string;
  samples: number;
  probability: number;
}

interface Rendered {
  version: number;
  treeData: TreeNode;
  svg?: string;
  png?: Buffer;
}

/**
 * Read-only views of the active model. Conversions and drawings depend only on the version, so
 * they are computed once per version and kept until another version becomes active.
 */
@Injectable()
export class ModelViewsService {
  private cache: Rendered | null = null;

  constructor(private readonly registry: ModelRegistryService) {}

  activeOr404(): ActiveModel {
    const active = this.registry.active();
    if (!active) {
      throw new DomainException(HttpStatus.NOT_FOUND, PREDIKSI_ERRORS.MODEL_NOT_FOUND, { reason: msg('NO_MODEL_TRAINED') });
    }
    return active;
  }

  model(): PrediksiModel {
    return this.activeOr404().model;
  }

  confusionMatrix(): ConfusionMatrix {
    return this.model().confusionMatrix;
  }

  rules(): RuleView[] {
    const { tree } = this.activeOr404();
    return toRules(tree).map((r) => ({
      conditions: r.conditions.map((c) => conditionText(c.attribute, c.operator, c.value)),
      class: r.className,
      samples: Math.round(r.coverage * 100) / 100,
      probability: Math.round(r.confidence * 1e4) / 1e4,
    }));
  }

  treeData(): { model: PrediksiModel; tree: TreeNode; featureNames: string[]; classNames: string[] } {
    const active = this.activeOr404();
    return {
      model: active.model,
      tree: this.rendered(active).treeData,
      featureNames: active.tree.header.attributes.map((a) => a.name),
      classNames: [...active.tree.header.classAttribute.values],
    };
  }

  svg(): string {
    const active = this.activeOr404();
    const r = this.rendered(active);
    r.svg ??= renderTreeSvg(r.treeData, { subtitle: this.subtitle(active.model) });
    return r.svg;
  }

  png(): Buffer {
    const active = this.activeOr404();
    const r = this.rendered(active);
    r.png ??= renderTreePng(r.treeData, { subtitle: this.subtitle(active.model) });
    return r.png;
  }

  private subtitle(m: PrediksiModel): string {
    const pct = (m.cvMetrics.accuracy * 100).toFixed(1);
    return `Model versi ${m.version} · ${m.trainingSetSize} data latih · akurasi validasi silang ${pct}% (${m.cvMetrics.folds}-fold)`;
  }

  private rendered(active: ActiveModel): Rendered {
    if (this.cache?.version !== active.model.version) {
      this.cache = { version: active.model.version, treeData: toTreeData(active.tree) };
    }
    return this.cache;
  }
}
