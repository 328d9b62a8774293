import { releaseContract } from "./release-contract";

releaseContract("v0.27.2");
