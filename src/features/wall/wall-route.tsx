import { useSearchParams } from 'react-router';
import { useKioskDocument } from './use-kiosk-document';
import { WallScreen } from './wall-screen';
import { parseWallParams } from './wall-params';
import './wall.css';

/** /wall: the kiosk view for a projector or LED wall, configured by its URL (see wall-params.ts). */
export function Component() {
  const [search] = useSearchParams();
  const params = parseWallParams(search);
  useKioskDocument(params.theme);
  return (
    <>
      <title>大屏 · 进度</title>
      <WallScreen params={params} />
    </>
  );
}
