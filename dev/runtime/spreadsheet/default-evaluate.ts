// The real formula engine, kept behind one import so tests can inject a fake.
export { evaluateFormula as defaultEvaluate } from '../formula/index';
