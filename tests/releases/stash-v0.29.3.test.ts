import { releaseContract } from "./release-contract";

releaseContract("v0.29.3");
