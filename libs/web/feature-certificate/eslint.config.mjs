import baseConfig from '../../../eslint.config.mjs';
import webConfig from '../eslint.web.mjs';

export default [...baseConfig, ...webConfig];
