import { registrationJson } from '../handoff/platform-registration';
import { applyScript } from './apply-script';
import { BASE_FOLDER, DOCUMENT_FILES, EXPORT_FILE_NAMES } from './export-file-names';
import type { ExportDocuments, ExportFile, ExportInput } from './export-input';
import { exportReadme } from './export-readme';
import { notificationAsSent } from '../policy/notification-as-sent';
import { FAN_OUT_FILES, fanOutScript } from './fan-out-script';

function json(document: unknown): string {
  return `${JSON.stringify(document ?? null, null, 2)}\n`;
}

function documentFiles(documents: ExportDocuments, folder: string, asSent: boolean): ReadonlyArray<ExportFile> {
  return DOCUMENT_FILES.map(({ key, name }) => {
    const document = asSent && key === 'bucketNotification' ? notificationAsSent(documents[key]) : documents[key];
    return { name: `${folder}${name}`, content: json(document) };
  });
}

/**
 * Every file of the export folder (README, "Export"): README.md, apply.sh, the four documents apply would write (the
 * notification as it is PUT), platform-registration.json, base/ with the live documents they were merged with, and
 * with an SNS fan-out its document and fan-out.sh.
 */
export function exportFiles(input: ExportInput): ReadonlyArray<ExportFile> {
  return [
    { name: EXPORT_FILE_NAMES.readme, content: exportReadme(input) },
    { name: EXPORT_FILE_NAMES.applyScript, content: applyScript(input) },
    ...documentFiles(input.proposed, '', true),
    { name: EXPORT_FILE_NAMES.registration, content: registrationJson(input.registration) },
    ...documentFiles(input.base, `${BASE_FOLDER}/`, false),
    ...(input.fanOut
      ? [
          { name: FAN_OUT_FILES.document, content: json(input.fanOut.proposed) },
          { name: `${BASE_FOLDER}/${FAN_OUT_FILES.document}`, content: json(input.fanOut.base) },
          { name: FAN_OUT_FILES.script, content: fanOutScript(input.fanOut.proposed, input.fanOut.topicArn) },
        ]
      : []),
  ];
}
