import { releaseContract } from "./release-contract";

releaseContract("v0.30.1");
