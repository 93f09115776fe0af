import { describeGeneratedApp } from "./generated-app.js";

describeGeneratedApp("express");
