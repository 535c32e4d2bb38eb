/**
 * The endpoint matrix: who may call every API operation and open every page, and malformed input
 * sent to each of them (EndpointMatrixIT, endpoint-matrix.txt).
 */
package eu.municipia.security;
