import { IsSort, type SortMap } from '../../common/query/sort';
import { type OwnedListOptions, SEMESTER_SORT } from '../../records/siswa-owned';
import { SemesterListQueryDto } from '../../records/semester-list-query.dto';
import { REPORT_SUBJECTS } from '../nilai-subjects';

export const NILAI_SORT: SortMap = {
  ...SEMESTER_SORT,
  rata_rata: 'r.rataRata',
  ...Object.fromEntries(REPORT_SUBJECTS.map((s) => [s.field, `r.${s.prop}`])),
};

export class ListNilaiQueryDto extends SemesterListQueryDto {
  @IsSort(NILAI_SORT)
  sort?: string;
}

/** What the record engine needs of this list: its sort fields. */
export const NILAI_LIST: OwnedListOptions = { sortable: NILAI_SORT };
