import type { Logger } from '@nestjs/common';
import type { DemoDataService } from './demo-data.service';
import { insertDemoStructure, printDemoGurus } from './demo-school-structure';

/** After the first start's demo students: their years, rombels, gurus and school identity (printed once). */
export async function createDemoStructure(demo: DemoDataService, logger: Logger): Promise<void> {
  const structure = await demo.inTransaction((m) => insertDemoStructure(m));
  if (!structure) return;
  logger.log(
    `Demo school structure: ${structure.tahun_ajaran} school years, ${structure.rombel} rombels, ${structure.guru.length} guru accounts, ${structure.penugasan} teaching assignments`,
  );
  printDemoGurus(structure.guru);
}
