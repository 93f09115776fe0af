import { describeGeneratedFunctions } from "./generate-app.js";
import { generatedFunctionCases } from "./generate-cases.js";

describeGeneratedFunctions("next", generatedFunctionCases);
