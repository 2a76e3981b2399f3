import { Body, Controller, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../../common/openapi/api-endpoint.decorator';
import { ADMIN_ONLY } from '../../common/role';
import { GenerateDummyByNameDto, GenerateDummyDto, GenerateDummyQueryDto } from '../dto/demo-request.dto';
import { GenerateDummyResponseDto, GenerateForStudentResponseDto } from '../dto/demo-response.dto';
import { type DemoCounts, DemoDataService } from '../services/demo-data.service';
import { msg } from '../../i18n/catalogue';
import { t } from '../../i18n/language';

function toDummyResponse(c: DemoCounts): GenerateDummyResponseDto {
  return {
    status: 'success',
    message: t(msg('DEMO_SCHOOL_CREATED', { ...c })),
    jumlah_data: c.siswa,
    data: { count: c.siswa, ...c },
  };
}

/** Seeded demo data (API.md §5), admin only: a school to try the model on. */
@ApiTags('prediksi')
@Controller('prediksi')
export class DemoDataController {
  constructor(private readonly demo: DemoDataService) {}

  @Post('generate-dummy-data')
  @ApiEndpoint({ summary: 'Create N demo students with two school years of records', response: GenerateDummyResponseDto, status: 201, roles: ADMIN_ONLY, errors: [400] })
  async generateByQuery(@Query() query: GenerateDummyQueryDto): Promise<GenerateDummyResponseDto> {
    return toDummyResponse(await this.demo.generateSchool(query.count));
  }

  @Post('generate-dummy')
  @ApiEndpoint({ summary: 'Create jumlah_data demo students with two school years of records', response: GenerateDummyResponseDto, status: 201, roles: ADMIN_ONLY, errors: [422] })
  async generate(@Body() body: GenerateDummyDto): Promise<GenerateDummyResponseDto> {
    return toDummyResponse(await this.demo.generateSchool(body.jumlah_data));
  }

  @Post('generate-dummy-by-name')
  @ApiEndpoint({
    summary: 'Create one school year of demo records for an existing student',
    response: GenerateForStudentResponseDto,
    status: 201,
    roles: ADMIN_ONLY,
    errors: [404, 422],
  })
  async generateForStudent(@Body() body: GenerateDummyByNameDto): Promise<GenerateForStudentResponseDto> {
    const { siswa, created } = await this.demo.generateForStudent(body.siswa_id, body.tahun_ajaran);
    return {
      status: 'success',
      message: t(msg(created.length ? 'DEMO_STUDENT_CREATED' : 'DEMO_STUDENT_EXISTS', { nama: siswa.nama, tahun_ajaran: body.tahun_ajaran })),
      data: { siswa, tahun_ajaran: body.tahun_ajaran, data_dibuat: created },
    };
  }
}
