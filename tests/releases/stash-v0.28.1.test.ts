import { releaseContract } from "./release-contract";

releaseContract("v0.28.1");
