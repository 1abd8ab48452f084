import baseConfig from '../../eslint.config.mjs';
import webConfig from '../../libs/web/eslint.web.mjs';

export default [...baseConfig, ...webConfig];
