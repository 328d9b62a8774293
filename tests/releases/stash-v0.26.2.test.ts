import { releaseContract } from "./release-contract";

releaseContract("v0.26.2");
