import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';

/**
 * Documents the multipart body of an `/upload/excel` route (field `file`, .xlsx or .csv). The route's
 * ApiEndpoint states 200, not POST's default 201: an import reports counts, it creates no one resource.
 */
export function ApiUploadBody(headers: string): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      description: `Header row: ${headers}. Extra columns (ID, Dibuat, …) are ignored, so an exported file uploads back.`,
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      },
    }),
  );
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
