import { releaseContract } from "./release-contract";

releaseContract("v0.25.1");
