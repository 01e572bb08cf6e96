import { useRights } from '../features/auth/utils/use-rights';
import { IndicatorsSection } from '../features/catalogue/components/indicators-section';
import { UnitsSection } from '../features/catalogue/components/units-section';
import { usePageTitle, useSignedIn } from './page-state';
import '../features/catalogue/catalogue.css';

/**
 * "Danh mục": the organisation tree and the catalogue of indicators. Units: those the user
 * manages; indicators: kept by admins and root committees, read by everyone else.
 */
export function CataloguePage() {
  const me = useSignedIn();
  const rights = useRights();
  usePageTitle('Danh mục');

  return (
    <div className="page-stack catalogue-page">
      <h1 className="page-title">Danh mục</h1>
      <UnitsSection me={me} rights={rights} />
      <IndicatorsSection canManage={me.can.manageIndicators} />
    </div>
  );
}
